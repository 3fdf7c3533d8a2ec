"""The caller's API token."""

from rest_framework import serializers


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(allow_null=True)
