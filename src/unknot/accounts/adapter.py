"""allauth, told how Unknot finds a visitor's address and how it speaks."""

from __future__ import annotations

from typing import Any, ClassVar

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.http import HttpRequest

from unknot.moderation.addresses import client_ip
from unknot.ops.outbox import queue_email


def user_display(user: Any) -> str:
    """People sign up with an email address: greet them by it, never by the made-up username."""
    return str(user.get_full_name() or user.email or user.get_username())


class AccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]
    # Plain words, saying what to do next, for the refusals a person meets.
    error_messages: ClassVar[dict[str, Any]] = {
        **DefaultAccountAdapter.error_messages,
        "account_inactive": "This account is switched off.",
        "email_password_mismatch": "That email address and password do not match an account. "
                                   "Check both, or reset your password.",
        "email_taken": "An account already uses this email address. Log in, or reset its "
                       "password.",
        "enter_current_password": "Enter the password you use now.",
        "incorrect_password": "That is not your password.",
        "too_many_login_attempts": "Too many failed login attempts: to protect the account, "
                                   "wait five minutes and try again.",
        "unknown_email": "No account uses this email address.",
    }

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        """allauth's emails (password reset, address confirmation) go through the outbox
        too: drawn now, in the request, and sent by the worker after the commit."""
        request = allauth_context.request
        full_context = {"request": request, "email": email,
                        "current_site": get_current_site(request), **context}
        queue_email(self.render_mail(template_prefix, email, full_context))

    def get_client_ip(self, request: HttpRequest) -> str:
        # allauth's login and sign-up limits count per address; behind a proxy
        # every request comes from the proxy, so one attacker would lock
        # everyone out. The same trusted-proxy rule as the comment limit.
        return client_ip(request) or super().get_client_ip(request)
