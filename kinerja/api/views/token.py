"""The caller's API token."""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.authentication import TokenAuthentication
from rest_framework.authtoken.models import Token
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ..authentication import NEW_TOKEN_NEEDS_LOGIN, is_expired
from ..serializers.token import TokenSerializer


class TokenView(APIView):
    """The caller's API token: read it, or (POST, logged in with the password) create a new one, which ends the
    old one. A token works for KINERJA_API_TOKEN_DAYS and ends at logout (kinerja.api.authentication)."""

    @extend_schema(
        summary="The caller's API token (null when none was made yet, or it expired)",
        responses={200: TokenSerializer},
    )
    def get(self, request: Request) -> Response:
        token = Token.objects.filter(user=request.user).first()
        return Response({"token": token.key if token and not is_expired(token) else None})

    @extend_schema(
        summary="Make a new API token for the caller (the old one stops working); only in a session "
        "logged in with the password, never with a token",
        request=None,
        responses={201: TokenSerializer},
    )
    def post(self, request: Request) -> Response:
        if isinstance(request.successful_authenticator, TokenAuthentication):
            raise PermissionDenied(NEW_TOKEN_NEEDS_LOGIN)
        Token.objects.filter(user=request.user).delete()
        token = Token.objects.create(user=request.user)
        return Response({"token": token.key}, status=status.HTTP_201_CREATED)
