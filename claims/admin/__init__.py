"""The editors' review desk in the Django admin (see docs/admin.md).

Status changes only through `claims.services.claim_transition()`; every other write through the
services too. The admin index shows the desk's dashboard (templatetags/desk.py).
"""

from django.contrib import admin

from . import article, claim, external, ops, webhooks  # noqa: F401 — registers the model admins

admin.site.site_header = "Fact-check desk"
admin.site.site_title = "Fact-check desk"
admin.site.index_title = "Desk"
admin.site.index_template = "admin/desk/index.html"
# The desk's pages are wide tables and two-column claim pages: the breadcrumbs and the index are
# enough to move around.
admin.site.enable_nav_sidebar = False
