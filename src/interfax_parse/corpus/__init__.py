"""From captures to a corpus: one record per interview across pages, sites and years.

A researcher's archive holds one interview many times: the same
``interview.asp?id=N`` captured on different days (other news tickers, cut at
other points) and the same interview again on the newsroom site. This
package finds which captures are one interview and merges them:

- `interview_key` (module `keys`): a string equal for the captures of one
  interview, built from its publication date, its title's speaker and the
  opening words of the title's quote (or of its text);
- `merge` / `merge_two` (module `merge`): the most complete record of the
  captures, each page listed in `Interview.captures`, disagreements warned;
- `Corpus` (module `group`): add captures one at a time, get one record
  per interview; memory grows with the number of interviews.

``docs/corpus.md`` states the rules and what they cannot join.
"""

from .group import Corpus, CorpusSummary, group
from .keys import Basis, InterviewKey, interview_key, key_of, text_keys
from .merge import as_record, capture_of, merge, merge_two
from .text import fold

__all__ = [
    "Basis",
    "Corpus",
    "CorpusSummary",
    "InterviewKey",
    "as_record",
    "capture_of",
    "fold",
    "group",
    "interview_key",
    "key_of",
    "merge",
    "merge_two",
    "text_keys",
]
