""" "Talk to a person": flag the conversation so staff can find it later, by the
reference code the reply gives the person.

The help-line reply itself is `utter_handoff`, which the rule runs right after. When the
request cannot be saved, the reference code stays empty and that reply's other variant
sends the person to the phone line instead of promising a reply that will never come.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from bot.channels import WebChannel
from bot.guidance.conversations import mark_handoff_requested
from bot.infrastructure.db import in_transaction
from bot.runtime.context import current

logger = logging.getLogger(__name__)


class ActionRequestHandoff(Action):
    def name(self) -> str:
        return "action_request_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        channel = tracker.get_latest_input_channel() or WebChannel.name
        try:
            code = await in_transaction(
                current().sessions,
                lambda session: mark_handoff_requested(
                    session, session_key=tracker.sender_id, channel=channel
                ),
            )
        except SQLAlchemyError as exc:
            logger.error("handoff request not saved", extra={"error_type": type(exc).__name__})
            return [SlotSet("reference_code", None)]
        return [SlotSet("reference_code", code)]
