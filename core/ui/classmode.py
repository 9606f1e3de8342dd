"""Class mode, by the names other code has used: a façade over the four modules that hold it.

    predict    "Predict first" and ui.ask (alone, or Ask the class on any page)
    lecturer   the lecturer's controls: start, the live count, Reveal, results, take back, end
    join       the join screen: code, link, QR code, live count
    student    the Class page a phone opens
    classbase  what they share: the store, the browser's id, the client's address, result bars

Nothing imports this module back: new code imports the module it needs.
"""

from core.ui.classbase import COOKIE, LETTERS, browser_id, database_url, escape, option_label, show_result, store
from core.ui.join import join_link, join_screen, qr_png
from core.ui.lecturer import LECTURER_LIVE_S, ask_class, reveal, take_back_link
from core.ui.lecturer import sidebar as lecturer_sidebar
from core.ui.predict import ask, score
from core.ui.predict import sidebar as predict_sidebar
from core.ui.student import STUDENT_POLL_S, student_page

__all__ = [
    "COOKIE",
    "LECTURER_LIVE_S",
    "LETTERS",
    "STUDENT_POLL_S",
    "ask",
    "ask_class",
    "browser_id",
    "database_url",
    "escape",
    "join_link",
    "join_screen",
    "lecturer_sidebar",
    "option_label",
    "predict_sidebar",
    "qr_png",
    "reveal",
    "score",
    "show_result",
    "store",
    "student_page",
    "take_back_link",
]
