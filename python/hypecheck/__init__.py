"""hypecheck: checks a health text for evidence versus hype, with reasons you can check.

    >>> import hypecheck
    >>> report = hypecheck.check("Our stem cell injections cure arthritis, guaranteed.")
    >>> report["questions"]["language"]["verdict"]
    'fail'

`check` returns exactly the JSON report of `hypecheck check --format json`. A `Checker` loads the
knowledge base, lexicons and models once and checks many texts in parallel (`check_many`, with
the GIL released); `Checker.scan` gives the flat records of `hypecheck scan`, for pandas and Spark.
"""

from ._hypecheck import Checker, InputError, __version__

__all__ = ["Checker", "InputError", "check", "__version__"]

_default_checker = None


def check(text, lang=None, input_format=None):
    """The report of one text (str or bytes) as a dict, with the fast tier.

    lang: the text's language, "en" or "de" (default: detected, block by block).
    input_format: "text", "markdown" or "html" (default: detected).
    Raises InputError (a ValueError) for a text that cannot be analysed; its `kind` says why.
    """
    global _default_checker
    if _default_checker is None:
        _default_checker = Checker()
    return _default_checker.check(text, lang=lang, input_format=input_format)
