"""Fill the new summary columns of cases saved before them (Case.save keeps them after)."""

from django.db import migrations


def backfill(apps, schema_editor):
    from journeys.cases.timeline import next_open_deadline

    Case = apps.get_model("journeys", "Case")
    for case in Case.objects.iterator():
        child = case.case_file.get("child", {})
        case.child_name = " ".join(
            p for p in (child.get("first_name"), child.get("last_name")) if p
        )[:200]
        case.parent_name = case.case_file.get("applicant", {}).get("name", "")[:150]
        case.council = case.case_file.get("local_authority", {}).get("name", "")[:200]
        deadline = next_open_deadline(case.case_file)
        case.next_deadline_on = deadline.due if deadline else None
        case.next_deadline_rule = deadline.rule.value if deadline else ""
        case.save()


class Migration(migrations.Migration):
    dependencies = [("journeys", "0004_owners_sharing_audit")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
