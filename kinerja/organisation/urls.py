from django.urls import path

from . import edit_views, people_views, views

urlpatterns = [
    path("instansi/<slug:agency>/organisasi/", views.organisation_tree, name="organisation-tree"),
    path("instansi/<slug:agency>/organisasi/ubah/", edit_views.agency_edit, name="agency-edit"),
    path("instansi/<slug:agency>/organisasi/unit/<str:unit>/ubah/", edit_views.unit_edit, name="unit-edit"),
    path(
        "instansi/<slug:agency>/organisasi/jabatan/<str:position>/ubah/",
        edit_views.position_edit,
        name="position-edit",
    ),
    path("instansi/<slug:agency>/pegawai/", people_views.people_index, name="people"),
    path("instansi/<slug:agency>/pegawai/<int:official>/", people_views.person, name="person"),
    path("instansi/<slug:agency>/pegawai/<int:official>/ubah/", people_views.person_change, name="person-change"),
    path("instansi/<slug:agency>/pegawai/<int:official>/akun/", people_views.person_login, name="person-login"),
    path(
        "instansi/<slug:agency>/pegawai/<int:official>/tautan-sandi/",
        people_views.person_reset_link,
        name="person-reset-link",
    ),
    path("instansi/<slug:agency>/pegawai/<int:official>/jabatan/", people_views.person_assign, name="person-assign"),
    path(
        "instansi/<slug:agency>/pegawai/<int:official>/jabatan/<int:assignment>/akhiri/",
        people_views.assignment_end,
        name="assignment-end",
    ),
    path("instansi/<slug:agency>/pegawai/<int:official>/peran/", people_views.person_grant, name="person-grant"),
    path(
        "instansi/<slug:agency>/pegawai/<int:official>/peran/<int:grant>/cabut/",
        people_views.person_withdraw,
        name="person-withdraw",
    ),
    path(
        "instansi/<slug:agency>/jabatan/<slug:position>/pemegang/",
        people_views.position_holders,
        name="position-holders",
    ),
]
