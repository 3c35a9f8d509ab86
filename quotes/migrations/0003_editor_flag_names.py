"""One naming scheme for the editor flags (`<what>_set_by_editor`, `<what>_by_editor`,
`wording_pinned`), on the models and their history tables alike."""

from django.db import migrations, models


def renames(model):
    yield from (
        migrations.RenameField(model, old, new) for old, new in RENAMED[model.removeprefix("historical")]
    )


RENAMED = {
    "quote": [("not_a_quote", "hidden_by_editor"), ("statement_by_editor", "statement_set_by_editor")],
    "statement": [("speaker_by_editor", "speaker_set_by_editor"), ("canonical_pinned", "wording_pinned")],
}


class Migration(migrations.Migration):
    dependencies = [("quotes", "0002_quote_search_vector")]

    operations = [
        *renames("quote"),
        *renames("historicalquote"),
        *renames("statement"),
        *renames("historicalstatement"),
        *(
            migrations.AlterField(
                model,
                "hidden_by_editor",
                models.BooleanField(
                    "not a quotation",
                    default=False,
                    help_text="An editor marked this as not a quotation: hidden from pages and the export.",
                ),
            )
            for model in ("quote", "historicalquote")
        ),
    ]
