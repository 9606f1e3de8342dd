"""Class: where students land from the lecturer's join link (…/Class?class=CODE) — the
lecturer's current question, big answer buttons, the reveal. It never loads the model."""

import streamlit as st

from core import ui
from core.ui import student

page = ui.setup_page("class.title", "🙋", with_model=False)
st.title(page.t("class.heading"))
st.caption(page.t("class.intro"))
student.student_page(page)
