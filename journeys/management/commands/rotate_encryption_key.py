"""Re-encrypt everything stored encrypted with the newest key (docs/deploy.md, "Rotating the
encryption key"): put a new key first in DJANGO_FIELD_ENCRYPTION_KEYS, keep the old one
after it, run this, then remove the old key."""

from django.contrib.sessions.models import Session
from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from ehcp_site.crypto import fernet, rotate_text
from journeys.documents.store import blob_delete, blob_rotate
from journeys.models import AdvocateAccess, Case, CaseNote, Draft, EvidenceFile, EvidencePack

ENCRYPTED_FIELDS = (
    (Case, ("case_file", "extras", "email")),
    (Draft, ("data",)),
    (CaseNote, ("body",)),
    (AdvocateAccess, ("email",)),
    (EvidenceFile, ("name", "title", "author")),
    (EvidencePack, ("documents",)),
)


class Command(BaseCommand):
    help = "Re-encrypt every encrypted value with the first key in DJANGO_FIELD_ENCRYPTION_KEYS."

    def handle(self, *args, **options):
        try:
            fernet()
        except ImproperlyConfigured as problem:
            raise CommandError(str(problem), returncode=2) from None
        counts = []
        for model, fields in ENCRYPTED_FIELDS:
            done = 0
            for pk in model.objects.values_list("pk", flat=True).iterator():
                with transaction.atomic():
                    row = model.objects.select_for_update().filter(pk=pk).first()
                    if row is None:
                        continue  # deleted meanwhile
                    # update() writes through get_prep_value (the newest key) and, unlike
                    # save(), leaves `updated_at` alone: rotation is not activity.
                    model.objects.filter(pk=pk).update(
                        **{field: getattr(row, field) for field in fields}
                    )
                    done += 1
            counts.append(f"{done} {model._meta.verbose_name_plural}")
        sessions = 0
        for session in Session.objects.iterator():
            Session.objects.filter(pk=session.pk).update(
                session_data=rotate_text(session.session_data)
            )
            sessions += 1
        counts.append(f"{sessions} sessions")
        stored = 0
        for model in (EvidenceFile, EvidencePack):  # the documents and packs themselves
            rows = model.objects.exclude(stored_as="").values_list("pk", "stored_as")
            for pk, name in rows.iterator():
                rotated = blob_rotate(name)
                if model.objects.filter(pk=pk, stored_as=name).update(stored_as=rotated):
                    blob_delete(name)
                    stored += 1
                else:  # deleted (or rotated) meanwhile
                    blob_delete(rotated)
        counts.append(f"{stored} stored documents")
        self.stdout.write("Re-encrypted with the newest key: " + ", ".join(counts) + ".")
