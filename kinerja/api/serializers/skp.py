"""The SKP (Sasaran Kinerja Pegawai) as the API shows it — the same record as the SKP export's JSON document
(kinerja/skp/exchange.py, docs/skp-exchange.md) — and the rating sent to it."""

from django.utils.translation import gettext_lazy
from rest_framework import serializers

from kinerja.skp.exchange import ExchangedSkp, skp_record

RATING_HELP = gettext_lazy("di_atas, sesuai or di_bawah (Di atas / Sesuai / Di bawah ekspektasi).")


class SkpPersonSerializer(serializers.Serializer):
    nip = serializers.CharField(allow_null=True)
    name = serializers.CharField(allow_null=True)


class SkpOfficialSerializer(SkpPersonSerializer):
    rank = serializers.CharField()
    grade = serializers.CharField()


class SkpRaterSerializer(SkpPersonSerializer):
    position_code = serializers.CharField(allow_null=True)
    position = serializers.CharField(allow_null=True)


class SkpPositionSerializer(serializers.Serializer):
    code = serializers.CharField()
    title = serializers.CharField()
    kind = serializers.CharField()


class SkpUnitSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class SkpChainLinkSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["rhk_atasan", "iki", "sasaran_kinerja", "sasaran_strategis"])
    text = serializers.CharField()
    owner = serializers.CharField()


class SkpRhkIndicatorSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    aspect = serializers.CharField()
    name = serializers.CharField()
    target = serializers.CharField(allow_null=True, help_text=gettext_lazy("Exact decimal with a dot; null: none."))
    unit = serializers.CharField()


class SkpRhkSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    order = serializers.IntegerField()
    text = serializers.CharField()
    basis = serializers.ChoiceField(choices=["iki", "intervensi"])
    superior_result_id = serializers.IntegerField(allow_null=True)
    superior_result = serializers.CharField(allow_null=True)
    iki_indicator_code = serializers.CharField(allow_null=True)
    iki_indicator = serializers.CharField(allow_null=True)
    performance_objective = serializers.CharField(allow_null=True)
    strategic_objective = serializers.CharField(allow_null=True)
    chain = SkpChainLinkSerializer(many=True)
    indicators = SkpRhkIndicatorSerializer(many=True)


class SkpBehavioursSerializer(serializers.Serializer):
    """The seven BerAKHLAK values (skp.models.BEHAVIOUR_NAMES), each rated or null."""

    berorientasi_pelayanan = serializers.CharField(allow_null=True, help_text=RATING_HELP)
    akuntabel = serializers.CharField(allow_null=True, help_text=RATING_HELP)
    kompeten = serializers.CharField(allow_null=True, help_text=RATING_HELP)
    harmonis = serializers.CharField(allow_null=True, help_text=RATING_HELP)
    loyal = serializers.CharField(allow_null=True, help_text=RATING_HELP)
    adaptif = serializers.CharField(allow_null=True, help_text=RATING_HELP)
    kolaboratif = serializers.CharField(allow_null=True, help_text=RATING_HELP)


class SkpRatingSerializer(serializers.Serializer):
    work = serializers.CharField(allow_null=True, help_text=RATING_HELP)
    behaviours = SkpBehavioursSerializer()
    behaviour = serializers.CharField(allow_null=True)
    predicate = serializers.CharField(allow_null=True)
    note = serializers.CharField()
    rated_by = SkpPersonSerializer(allow_null=True)


class SkpSerializer(serializers.Serializer):
    """Read only: the record of `skp.exchange.skp_record`."""

    id = serializers.IntegerField()
    agency = serializers.CharField()
    year = serializers.IntegerField()
    period_start = serializers.DateField()
    period_end = serializers.DateField()
    status = serializers.CharField()
    is_example = serializers.BooleanField()
    official = SkpOfficialSerializer()
    position = SkpPositionSerializer()
    unit = SkpUnitSerializer()
    rater = SkpRaterSerializer()
    rating = SkpRatingSerializer()
    results = SkpRhkSerializer(many=True)

    def to_representation(self, instance: ExchangedSkp) -> dict:
        return skp_record(instance)


class SkpRateSerializer(serializers.Serializer):
    """The superior's rating; the values are checked by skp.services.rate_skp (400 naming the field)."""

    work = serializers.CharField(allow_blank=True, help_text=RATING_HELP)
    behaviours = serializers.DictField(
        child=serializers.CharField(allow_blank=True),
        help_text=gettext_lazy(
            "The seven BerAKHLAK values: berorientasi_pelayanan, akuntabel, kompeten, harmonis, "
            "loyal, adaptif, kolaboratif."
        ),
    )
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=4000)
