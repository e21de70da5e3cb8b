from typing import Any, Iterable, Literal, Mapping, Optional, Union

__version__: str

Text = Union[str, bytes]
Lang = Optional[Literal["en", "de", "auto"]]
InputFormat = Optional[Literal["text", "markdown", "html"]]

class InputError(ValueError):
    kind: str

class Checker:
    def __init__(
        self,
        tier: Literal["fast", "rules"] = "fast",
        *,
        report_lang: Optional[Literal["en", "de"]] = None,
        editorial_rule: bool = False,
        max_bytes: int = 16 * 1024 * 1024,
        jobs: Optional[int] = None,
    ) -> None: ...
    @property
    def tier(self) -> str: ...
    def check(self, text: Text, lang: Lang = None, input_format: InputFormat = None) -> dict[str, Any]: ...
    def check_many(
        self, texts: Iterable[Text], lang: Lang = None, input_format: InputFormat = None
    ) -> list[dict[str, Any]]: ...
    def scan(
        self,
        documents: Iterable[Union[Text, Mapping[str, Any]]],
        *,
        text_field: str = "text",
        id_field: str = "id",
        url_field: str = "url",
        input_format: InputFormat = None,
        lang: Lang = None,
        full: bool = False,
        start: int = 0,
    ) -> list[dict[str, Any]]: ...
    def scan_files(
        self,
        paths: list[str],
        *,
        text_field: str = "text",
        id_field: str = "id",
        url_field: str = "url",
        glob: list[str] = ...,
        full: bool = False,
    ) -> Records: ...

class Records:
    """The records of Checker.scan_files, as they are read and checked."""
    def __iter__(self) -> "Records": ...
    def __next__(self) -> dict[str, Any]: ...
    @property
    def not_documents(self) -> int: ...

def check(text: Text, lang: Lang = None, input_format: InputFormat = None) -> dict[str, Any]: ...
