"""The pages' sections: one function each, called the same way by its page and by a lesson step.

One module per page. A section draws its header, widgets, numbers and charts with streamlit;
what it computes comes from core."""
