"""Lessons: the four lecture notes, one step per screen — read, predict, look at the model, notice.

/Lessons?lesson=ID&step=N (N from 1). Each step shows one section of a page, drawn by the same
function its page calls, with the step's own inputs (core.ui.lesson).
"""

import streamlit as st

from core import ui
from core.lessons import LESSONS
from core.ui import lessonpage

page = ui.setup_page("lessonpage.title", "🎓")
if st.query_params.get("lesson") not in LESSONS:  # a step names its lesson in its progress line
    st.title(page.t("lessonpage.heading"))
    st.write(page.t("lessonpage.intro"))
lessonpage.show(page, LESSONS)
