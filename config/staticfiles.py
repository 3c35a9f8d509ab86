"""Static file URLs that never break a page: hashed after collectstatic, plain before.

In: a static file's name, as `{% static %}` passes it. Out: its hashed,
cache-forever URL from the manifest that `collectstatic` writes; when there is
no manifest or no entry in it (a fresh checkout, a file added since), the plain
URL, which WhiteNoise serves from the apps' static folders
(`WHITENOISE_USE_FINDERS`), and one warning in the log. Django's own manifest
storage raises ValueError instead, and every page that links a stylesheet
answers 500.

Limits: plain URLs are not cache-busted; run `collectstatic` for production
(the README's production block does).
"""

import logging

from whitenoise.storage import CompressedManifestStaticFilesStorage

logger = logging.getLogger(__name__)


class FallbackManifestStaticFilesStorage(CompressedManifestStaticFilesStorage):
    manifest_strict = False
    warned = False

    def stored_name(self, name):
        try:
            return super().stored_name(name)
        except ValueError:
            if not FallbackManifestStaticFilesStorage.warned:
                FallbackManifestStaticFilesStorage.warned = True
                logger.warning(
                    "static file %s is not collected; serving plain URLs (run collectstatic)", name
                )
            return name
