//! Helpers the command line's test files share.

/// Whether the deep tier's encoder is installed; when it is not, the test says SKIPPED, unless
/// `HYPECHECK_REQUIRE_ENCODER` is set (as CI sets it), which makes the absence a failure.
pub fn encoder_installed() -> bool {
    match hypecheck_encoder::locate(None) {
        Ok(_) => true,
        Err(e) => {
            assert!(std::env::var_os("HYPECHECK_REQUIRE_ENCODER").is_none(), "{e}");
            // Straight to stderr: the test harness hides eprintln! of a passing test.
            use std::io::Write as _;
            let _ = writeln!(std::io::stderr(), "SKIPPED: {e}");
            false
        }
    }
}
