"""Forms of the desk: they check the shape of what an editor enters; the services judge its
meaning. The version fields here are how two editors never overwrite each other: each form
carries what its editor loaded, and the service refuses a save based on something older."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist, ValidationError

from claims.models import Article, ChecklistItem, ChecklistState, Claim, Evidence, Outlet
from claims.selectors import users_assignable


class ShowsRefusal(forms.Form):
    """A form the admin builds again after a service refused what it submitted
    (`ServiceRefusals`): the service's message is the form's error, and what the editor entered
    is kept. Forms check shape; the meaning is the services' to judge."""

    refusal = ""

    def clean(self):
        cleaned = super().clean()
        if self.refusal:
            raise forms.ValidationError(self.refusal, code="refused")
        return cleaned


class AssigneeField(forms.ModelChoiceField):
    """Offers the people who may be assigned (its queryset, `users_assignable()`) and accepts any
    active user: who may be assigned is the service's rule, refused there with the message the
    API gives too."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return get_user_model().objects.get(is_active=True, pk=value)
        except (ValueError, TypeError, ObjectDoesNotExist):
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            ) from None


class ClaimChangeForm(ShowsRefusal, forms.ModelForm):
    """The claim's own fields, plus the version its editor loaded (the service refuses a save
    based on an older one)."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # Any text: whether it is a web address is the service's one URL rule, in its words.
    review_url = forms.CharField(
        label="Published at URL",
        max_length=2000,
        required=False,
        widget=forms.URLInput(attrs={"size": 60, "placeholder": "https://"}),
        help_text=Claim._meta.get_field("review_url").help_text,
    )

    class Meta:
        model = Claim
        # What people edit here (among claims.services.CLAIM_EDITABLE_FIELDS); never the status.
        fields = [
            "text",
            "claim_type",
            "claimant",
            "priority",
            "due_at",
            "assignee",
            "duplicate_of",
            "verdict",
            "verdict_summary",
            "summary",
            "review_url",
        ]
        widgets = {
            "verdict_summary": forms.Textarea(attrs={"rows": 4, "cols": 60}),
            "summary": forms.Textarea(attrs={"rows": 2, "cols": 60}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["expected_version"].initial = self.instance.version
            if "summary" in self.fields:  # (read-only once published)
                # Empty means the whole sentence: show it, so that the editor sees what is used.
                self.fields["summary"].widget.attrs["placeholder"] = self.instance.text

    def _get_validation_exclusions(self):
        return {*super()._get_validation_exclusions(), "review_url"}  # type: ignore[misc]


class ClaimAddForm(ShowsRefusal, forms.ModelForm):
    """A claim entered by hand (claims.services.claim_create checks the span against the text)."""

    class Meta:
        model = Claim
        fields = [
            "text",
            "article",
            "start",
            "end",
            "claim_type",
            "claimant",
            "attribution",
            "priority",
        ]
        widgets = {"text": forms.Textarea(attrs={"rows": 3, "cols": 80})}
        help_texts = {
            "start": "For a claim in an article: where its text starts in the article body.",
            "end": "…and where it ends (the text must match the article exactly).",
        }


class ChecklistItemForm(forms.ModelForm):
    """One checklist row: its state and note, plus what the editor saw when they loaded it."""

    seen_state = forms.CharField(widget=forms.HiddenInput, required=False)
    seen_note = forms.CharField(widget=forms.HiddenInput, required=False, strip=False)

    class Meta:
        model = ChecklistItem
        fields = ["state", "note"]
        widgets = {
            "state": forms.RadioSelect(attrs={"class": "desk-state-choice"}),
            "note": forms.Textarea(attrs={"rows": 1, "cols": 30, "placeholder": "note"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["seen_state"].initial = self.instance.state
            self.fields["seen_note"].initial = self.instance.note
        state = self.fields.get("state")
        if state is not None and not self.instance.automated:
            # Only an automated check is ever not applicable (a person skips a step instead).
            state.choices = [  # type: ignore[attr-defined]
                c for c in ChecklistState.choices if c[0] != ChecklistState.NOT_APPLICABLE
            ]

    def seen(self) -> tuple[str, str]:
        """The state and note this editor loaded (the stored ones when the form did not say)."""
        state = self.cleaned_data.get("seen_state")
        if not state:
            return self.instance.state, _plain(self.instance.note)
        return state, _plain(self.cleaned_data.get("seen_note"))

    def edited(self) -> bool:
        """Did this editor change the row? Compared with what they loaded, not with what is
        stored now: a row they left alone is never written back over someone else's tick."""
        if not hasattr(self, "cleaned_data") or self.instance.pk is None or not self.has_changed():
            return False
        mine = (self.cleaned_data.get("state"), _plain(self.cleaned_data.get("note")))
        return mine != self.seen()

    def clean(self):
        cleaned = super().clean()
        item = self.instance  # as stored now: the form's values are applied after clean()
        if self.edited() and self.seen() != (item.state, _plain(item.note)):
            by = f" by {item.done_by.get_username()}" if item.done_by_id else ""
            raise forms.ValidationError(
                f"“{item.title}” was changed{by} while you were editing it (it is now "
                f"{item.get_state_display().lower()}): your change to it was not saved. "
                "Reload the claim and try again."
            )
        return cleaned


def _plain(text: str | None) -> str:
    """A note as compared: browsers send textarea line breaks as CRLF."""
    return (text or "").replace("\r\n", "\n").strip()


class EvidenceForm(forms.ModelForm):
    # Any text: whether it is a web address is the service's one URL rule.
    url = forms.CharField(max_length=2000, widget=forms.URLInput(attrs={"size": 40}))

    class Meta:
        model = Evidence
        fields = ["url", "title", "publisher", "excerpt", "stance"]
        widgets = {
            "excerpt": forms.Textarea(attrs={"rows": 2, "cols": 40}),
        }

    def _get_validation_exclusions(self):
        # Not the model field's URL validator either: the service's rule decides, in its words.
        return {*super()._get_validation_exclusions(), "url"}  # type: ignore[misc]


class AssignForm(forms.Form):
    assignee = AssigneeField(
        queryset=users_assignable(), required=False, empty_label="— nobody (unassign) —"
    )


class DismissForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text="Written to each claim's history.",
    )


class ArticleIngestForm(ShowsRefusal, forms.ModelForm):
    """Paste an article (claims.services.article_ingest parses, de-duplicates and queues it), or
    give its URL alone (article_ingest_url: a worker fetches the page first)."""

    text = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 18, "cols": 100}),
        help_text="The article as copied from its page: headline, dateline and all. "
        "Furniture (captions, credits, source lines) is separated from the prose. "
        "Leave empty to fetch the page at the URL instead.",
    )
    title = forms.CharField(required=False, help_text="Leave empty to take it from the text.")
    url = forms.CharField(required=False, max_length=2000, widget=forms.URLInput)
    outlet = forms.ModelChoiceField(queryset=Outlet.objects.all(), required=False)
    published_at = forms.DateField(
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Leave empty to take it from the dateline.",
    )
    language = forms.CharField(initial="en", max_length=16)

    class Meta:
        model = Article
        fields: list[str] = []

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("text"):
            return cleaned
        if not cleaned.get("url"):
            raise forms.ValidationError(
                "Paste the article's text, or give its URL alone to fetch the page."
            )
        for name in ("title", "outlet", "published_at"):
            if cleaned.get(name):
                self.add_error(name, "With a URL alone this comes from the page.")
        return cleaned

    def _post_clean(self):
        """No model validation: this form does not build the article, article_ingest does (and
        refuses what cannot become one)."""
