"""Forms of the desk. The version fields here are how two editors never overwrite each other:
each form carries what its editor loaded, and a save based on something older is refused."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from claims.models import Article, ChecklistItem, ChecklistState, Claim, Evidence, Outlet

from .filters import desk_users


class ClaimChangeForm(forms.ModelForm):
    """The claim's own fields, plus the version its editor loaded."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Claim
        # What people edit (claims.services.CLAIM_EDITABLE_FIELDS); never the status.
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
        ]
        widgets = {"verdict_summary": forms.Textarea(attrs={"rows": 4, "cols": 60})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["expected_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        loaded = cleaned.get("expected_version")
        if self.instance.pk is not None and loaded is not None and loaded != self.instance.version:
            raise forms.ValidationError(stale_message(self.instance, loaded), code="stale")
        return cleaned


def stale_message(claim: Claim, loaded: int) -> str:
    last = claim.history.select_related("history_user").order_by("-history_date").first()
    who = ""
    if last is not None and last.history_user is not None:
        when = timezone.localtime(last.history_date).strftime("%H:%M")
        who = f" by {last.history_user.get_username()} at {when}"
    return (
        f"This claim was changed{who} while you were editing it (you opened version {loaded}; "
        f"it is now version {claim.version}). Nothing you entered has been saved, so nothing of "
        "theirs was overwritten: open the claim again to see their changes, then redo yours."
    )


class ClaimAddForm(forms.ModelForm):
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

    def clean(self):
        """The span must hold the text (claim_create checks it too; here the editor keeps what
        they typed and sees the error beside it)."""
        cleaned = super().clean()
        article, start, end = cleaned.get("article"), cleaned.get("start"), cleaned.get("end")
        text = (cleaned.get("text") or "").strip()
        if article is None:
            if start is not None or end is not None:
                raise forms.ValidationError("Offsets point into an article: choose the article.")
            return cleaned
        if start is None or end is None:
            raise forms.ValidationError("A claim in an article needs its start and end offsets.")
        found = article.body[start:end]
        if found != text:
            raise forms.ValidationError(
                f"The text at {start}..{end} of the article is “{found[:80]}”, "
                "not the claim's text."
            )
        return cleaned


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
        skipped = cleaned.get("state") == ChecklistState.SKIPPED
        if skipped and not _plain(cleaned.get("note")):
            self.add_error("note", "Say why this step is skipped.")
        return cleaned


def _plain(text: str | None) -> str:
    """A note as compared: browsers send textarea line breaks as CRLF."""
    return (text or "").replace("\r\n", "\n").strip()


class EvidenceForm(forms.ModelForm):
    url = forms.URLField(
        max_length=2000, assume_scheme="https", widget=forms.URLInput(attrs={"size": 40})
    )

    class Meta:
        model = Evidence
        fields = ["url", "title", "publisher", "excerpt", "stance"]
        widgets = {
            "excerpt": forms.Textarea(attrs={"rows": 2, "cols": 40}),
        }

    def clean_url(self):
        url = self.cleaned_data["url"]
        if not url.lower().startswith(("http://", "https://")):
            raise forms.ValidationError("Use a web address (http:// or https://).")
        return url


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        queryset=desk_users(), required=False, empty_label="— nobody (unassign) —"
    )


class DismissForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text="Written to each claim's history.",
    )


class ArticleIngestForm(forms.ModelForm):
    """Paste an article: claims.services.article_ingest parses, de-duplicates and queues it."""

    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 18, "cols": 100}),
        help_text="The article as copied from its page: headline, dateline and all. "
        "Furniture (captions, credits, source lines) is separated from the prose.",
    )
    title = forms.CharField(required=False, help_text="Leave empty to take it from the text.")
    url = forms.URLField(required=False, assume_scheme="https")
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

    def _post_clean(self):
        """No model validation: this form does not build the article, article_ingest does (and
        refuses what cannot become one)."""
