from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "ehcp_site.accounts"
    label = "accounts"
    verbose_name = "Accounts and organisations"

    def ready(self) -> None:
        from ehcp_site.accounts import signals  # noqa: F401 - connects the sign-in handlers
