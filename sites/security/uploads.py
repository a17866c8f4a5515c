"""Document upload form of the Wagtail admin that checks each file's content."""

from pathlib import Path

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from sites.security.file_types import content_matches_extension


class ContentCheckedDocumentForm(BaseDocumentForm):
    """Reject a document whose content does not match its extension.

    Wagtail's WAGTAILDOCS_EXTENSIONS check only reads the file name; this one reads the file.
    Used as WAGTAILDOCS_DOCUMENT_FORM_BASE, so the single and the multiple upload use it.
    """

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload or "file" not in self.changed_data:
            return upload

        extension = Path(upload.name).suffix.lstrip(".").lower()
        if not content_matches_extension(upload, extension):
            raise forms.ValidationError(
                _(
                    "The file “%(name)s” was rejected: its content is not a valid "
                    "%(extension)s file. Save it again in that format, or give it the "
                    "extension of its real format."
                ),
                code="content_mismatch",
                params={"name": upload.name, "extension": extension.upper() or "?"},
            )
        return upload
