"""The claims list's compact claim (API 1.1): what tells claims apart and where each stands,
counts of its parts and links to them, and the parts `expand=` may add. The full claim of the
detail is `claims.api.serializers.ClaimSerializer`."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.models import Claim, Priority, Verdict

from .serializers import (
    BlankAsNullChoiceField,
    ChecklistItemSerializer,
    ClaimantSerializer,
    EvidenceSerializer,
    MentionSerializer,
    SimilarSerializer,
    UsernameOf,
)
from .serializers_external import ExternalMatchSerializer

# What `expand=` may add to a listed claim: the part's name → the field it fills.
EXPANDABLE = {
    "checklist": "checklist",
    "evidence": "evidence",
    "similar": "similar",
    "mentions": "entities",
    "entities": "entities",
    "already_checked": "already_checked",
}


class ClaimCountsSerializer(serializers.Serializer):
    checklist = serializers.IntegerField(source="checklist_total")
    checklist_worked = serializers.IntegerField(
        help_text="Items done, not applicable, or skipped with a note."
    )
    evidence = serializers.IntegerField(source="evidence_total")
    similar = serializers.IntegerField(source="similar_total", help_text="Not rejected.")
    entities = serializers.IntegerField(source="mentions_total", help_text="Entity mentions.")
    already_checked = serializers.IntegerField(
        source="already_checked_total", help_text="Other desks' fact-checks matched."
    )


_SENTINEL = 987654321987


class ClaimLinksSerializer(serializers.Serializer):
    self = serializers.SerializerMethodField()
    article = serializers.SerializerMethodField()
    checklist = serializers.SerializerMethodField()
    evidence = serializers.SerializerMethodField()
    history = serializers.SerializerMethodField()

    def url(self, name: str, pk: int) -> str:
        prefix, suffix = self.template(name)
        return f"{prefix}{pk}{suffix}"

    def template(self, name: str) -> tuple[str, str]:
        """The route's address around its id: reverse() once per route and response, not once
        per listed claim and link."""
        templates: dict[str, tuple[str, str]] = self.__dict__.setdefault("_templates", {})
        if name not in templates:
            path = reverse(name, args=[_SENTINEL])
            request = self.context.get("request")
            url = request.build_absolute_uri(path) if request is not None else path
            prefix, _, suffix = url.partition(str(_SENTINEL))
            templates[name] = (prefix, suffix)
        return templates[name]

    def get_self(self, claim: Claim) -> str:
        return self.url("api:claim-detail", claim.pk)

    @extend_schema_field({"type": "string", "nullable": True})
    def get_article(self, claim: Claim) -> str | None:
        return self.url("api:article-detail", claim.article_id) if claim.article_id else None

    def get_checklist(self, claim: Claim) -> str:
        return self.url("api:claim-checklist-list", claim.pk)

    def get_evidence(self, claim: Claim) -> str:
        return self.url("api:claim-evidence-list", claim.pk)

    def get_history(self, claim: Claim) -> str:
        return self.url("api:claim-history-list", claim.pk)


class ClaimListSerializer(serializers.ModelSerializer):
    """A claim as the list shows it (API 1.1): what tells claims apart and where each stands,
    with counts of its parts and links to them. `expand=` (checklist, evidence, similar,
    mentions, already_checked) adds those parts as the claim's detail shows them (`entities`
    for mentions)."""

    article = serializers.IntegerField(source="article_id", read_only=True, allow_null=True)
    claimant = ClaimantSerializer(read_only=True, allow_null=True)
    verdict = BlankAsNullChoiceField(choices=Verdict.choices, read_only=True, allow_null=True)
    assignee = UsernameOf(read_only=True, allow_null=True)
    priority = serializers.ChoiceField(choices=Priority.choices, read_only=True)
    counts = ClaimCountsSerializer(source="*", read_only=True)
    links = ClaimLinksSerializer(source="*", read_only=True)
    entities = MentionSerializer(
        source="mentions", many=True, read_only=True, required=False, help_text="expand=mentions"
    )
    checklist = ChecklistItemSerializer(
        many=True, read_only=True, required=False, help_text="expand=checklist"
    )
    evidence = EvidenceSerializer(
        many=True, read_only=True, required=False, help_text="expand=evidence"
    )
    similar = SimilarSerializer(
        many=True, read_only=True, required=False, help_text="expand=similar"
    )
    already_checked = ExternalMatchSerializer(
        source="external_matches",
        many=True,
        read_only=True,
        required=False,
        help_text="expand=already_checked",
    )

    class Meta:
        model = Claim
        fields = [
            "id",
            "article",
            "text",
            "start",
            "end",
            "claim_type",
            "checkworthiness",
            "claimant",
            "status",
            "verdict",
            "assignee",
            "priority",
            "due_at",
            "version",
            "updated_at",
            "counts",
            "links",
            "entities",
            "checklist",
            "evidence",
            "similar",
            "already_checked",
        ]
        read_only_fields = fields

    def _expanded(self) -> list[str]:
        expand = self.context.get("expand") or ()
        return sorted({EXPANDABLE[part] for part in expand})

    def to_representation(self, claim: Claim | dict) -> dict:
        # By hand, as the declared fields describe it: a list page is 50 of these, and DRF's
        # field-by-field path (nested serializers for claimant, counts and links) was most of
        # the list's time under load. A row is a dict of `selectors.LISTED_VALUES` (the list
        # without expand) or a Claim (with expand: the expanded parts go through their
        # serializers). The one serializer of every row (ListSerializer's child) keeps what is
        # the same for all of them: DRF's `self.context` walks up to the root on each access.
        state = self.__dict__.get("_rows")
        if state is None:
            routes = ClaimLinksSerializer(context=self.context)
            state = self.__dict__["_rows"] = (
                {name: routes.template(f"api:{name}") for name in _LINKED},
                timezone.get_current_timezone(),
                self._expanded(),
            )
        links, zone, expanded = state
        if isinstance(claim, dict):
            return self._compact(claim, links, zone)
        data = self._compact(_values_of(claim), links, zone)
        for name in expanded:
            field = self.fields[name]
            data[name] = field.to_representation(field.get_attribute(claim))
        return data

    @staticmethod
    def _compact(row: dict, links: dict[str, tuple[str, str]], zone) -> dict:
        pk, article = row["id"], row["article_id"]
        claimant = row["claimant__id"]
        due_at, updated_at = row["due_at"], row["updated_at"]
        return {
            "id": pk,
            "article": article,
            "text": row["text"],
            "start": row["start"],
            "end": row["end"],
            "claim_type": row["claim_type"],
            "checkworthiness": row["checkworthiness"],
            "claimant": None
            if claimant is None
            else {"id": claimant, "name": row["claimant__name"], "kind": row["claimant__kind"]},
            "status": row["status"],
            "verdict": row["verdict"] or None,
            "assignee": row["assignee__username"],
            "priority": row["priority"],
            "due_at": None if due_at is None else _datetime(due_at, zone),
            "version": row["version"],
            "updated_at": None if updated_at is None else _datetime(updated_at, zone),
            "counts": {
                "checklist": row["checklist_total"],
                "checklist_worked": row["checklist_worked"],
                "evidence": row["evidence_total"],
                "similar": row["similar_total"],
                "entities": row["mentions_total"],
                "already_checked": row["already_checked_total"],
            },
            "links": {
                "self": _link(links["claim-detail"], pk),
                "article": _link(links["article-detail"], article) if article else None,
                "checklist": _link(links["claim-checklist-list"], pk),
                "evidence": _link(links["claim-evidence-list"], pk),
                "history": _link(links["claim-history-list"], pk),
            },
        }


_LINKED = (
    "claim-detail",
    "article-detail",
    "claim-checklist-list",
    "claim-evidence-list",
    "claim-history-list",
)


def _link(template: tuple[str, str], pk: int) -> str:
    return f"{template[0]}{pk}{template[1]}"


def _datetime(value, zone) -> str:
    """As DRF's DateTimeField shows it: ISO 8601 in the current time zone, UTC as Z."""
    shown = timezone.localtime(value, zone).isoformat()
    return shown[:-6] + "Z" if shown.endswith("+00:00") else shown


def _values_of(claim: Claim) -> dict:
    """A Claim of `selectors.claim_rows(expand=…)` as the dict the list reads without expand."""
    claimant, assignee = claim.claimant, claim.assignee
    return {
        "id": claim.pk,
        "article_id": claim.article_id,
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "claim_type": claim.claim_type,
        "checkworthiness": claim.checkworthiness,
        "claimant__id": claimant.pk if claimant is not None else None,
        "claimant__name": claimant.name if claimant is not None else None,
        "claimant__kind": claimant.kind if claimant is not None else None,
        "status": claim.status,
        "verdict": claim.verdict,
        "assignee__username": assignee.get_username() if assignee is not None else None,
        "priority": claim.priority,
        "due_at": claim.due_at,
        "version": claim.version,
        "updated_at": claim.updated_at,
        **{name: getattr(claim, name) for name in _COUNTED},
    }


_COUNTED = (
    "checklist_total",
    "checklist_worked",
    "evidence_total",
    "similar_total",
    "mentions_total",
    "already_checked_total",
)
