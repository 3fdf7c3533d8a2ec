# The browser test of the documentation page uses the browser suite's Chromium and its `people` fixture.
from tests.browser.conftest import browser_type_launch_args, people  # noqa: F401
