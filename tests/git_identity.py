"""Who commits in the tests' throw-away git repositories, and when: the same
everywhere, so a commit (and its sha) does not depend on the machine's git
configuration or clock."""

import os

# Neither the user's nor the system's git configuration.
ISOLATED = {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}

IDENTITY = {
    "GIT_AUTHOR_NAME": "Jane Developer",
    "GIT_AUTHOR_EMAIL": "jane@example.org",
    "GIT_COMMITTER_NAME": "Jane Developer",
    "GIT_COMMITTER_EMAIL": "jane@example.org",
}
DATES = {
    "GIT_AUTHOR_DATE": "2024-01-02T03:04:05Z",
    "GIT_COMMITTER_DATE": "2024-01-02T03:04:05Z",
}
