"""The outlet's own sentence around each fragment and trimmed variant, for the statement
and compare pages.

In:  Quotes read with `Quote.objects.with_context_window()` (the stretch of the body
     around each, for fragments and trimmed variants only); no query is made here.
Out: each quote gets `context`: a quotes.text.context.Context (before, quoted, after)
     that the template prints with the quoted part in <mark>, or None where there is
     nothing to show (a full, reworded or verbatim variant, or a quote that is a
     sentence of its own).
"""

from quotes.text.context import WINDOW, surrounding


def attach(quotes) -> None:
    for quote in quotes:
        quote.context = context_of(quote)


def context_of(quote):
    stretch = getattr(quote, "context_window", "") or ""
    if not stretch:
        return None
    offset = quote.context_start
    return surrounding(
        stretch,
        quote.start - offset,
        quote.end - offset,
        cut_before=offset > 0,
        cut_after=len(stretch) >= quote.end - offset + WINDOW,  # all it asked for: more may follow
    )
