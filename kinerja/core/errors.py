"""Typed errors the services and selectors raise; each door turns them into its own answer.

Django's own `ValidationError` (a rule, naming the field) and `PermissionDenied` (who may) are the others; the
services and selectors know no HTTP (tests/test_architecture.py)."""


class NotFound(Exception):
    """What was asked for does not exist, or not for this caller: a page answers 404
    (`kinerja.core.middleware.NotFoundMiddleware`), a command prints the message."""
