"""API tokens: get one with a username and password, revoke your own."""

from __future__ import annotations

from django.contrib.auth import authenticate
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.authtoken.models import Token
from rest_framework.exceptions import Throttled
from rest_framework.permissions import BasePermission
from rest_framework.response import Response
from rest_framework.views import APIView

from .. import inputs
from .. import serializers as s
from ..throttles import AnonThrottle, AuthThrottle, SignInLimit, UserThrottle


class _TokenPermission(BasePermission):
    """Anyone may ask for a token; only its holder may revoke it."""

    def has_permission(self, request, view) -> bool:
        return request.method == "POST" or bool(request.user and request.user.is_authenticated)


class TokenView(APIView):
    """Exchange a username and password for an API token (`Authorization: Token <key>`)."""

    permission_classes = [_TokenPermission]
    problem_codes_exclude = ("403",)

    def get_throttles(self):
        if self.request.method == "POST":
            return [AuthThrottle(), AnonThrottle()]
        return [UserThrottle()]

    @extend_schema(
        operation_id="auth_token_create",
        request=inputs.TokenInput,
        responses={200: s.TokenSerializer},
        auth=[],
        summary="Get an API token",
    )
    def post(self, request):
        data = inputs.TokenInput(data=request.data)
        data.is_valid(raise_exception=True)
        limit = SignInLimit(data.validated_data["username"])
        if limit.locked():
            raise Throttled(
                wait=limit.lockout,
                detail="Too many failed sign-ins for this username: try again later.",
            )
        user = authenticate(
            request=request._request,
            username=data.validated_data["username"],
            password=data.validated_data["password"],
        )
        if user is None or not user.is_active:
            limit.failed()
            raise serializers.ValidationError(
                "Unable to log in with this username and password.", code="authorization"
            )
        limit.succeeded()
        token, _ = Token.objects.get_or_create(user=user)
        return Response({"token": token.key, "username": user.get_username()})

    @extend_schema(
        operation_id="auth_token_destroy", responses={204: None}, summary="Revoke your token"
    )
    def delete(self, request):
        Token.objects.filter(user=request.user).delete()
        return Response(status=status.HTTP_204_NO_CONTENT)
