"""Custom actions run in-process with the action-server contract intact."""

from __future__ import annotations

import asyncio

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.utils.endpoints import ClientResponseError

from bot.runtime import rasa_tuning
from bot.runtime.action_endpoint import InProcessActionEndpoint


def test_unknown_action_is_a_404_like_a_real_action_server() -> None:
    endpoint = InProcessActionEndpoint()
    call = {"next_action": "action_that_does_not_exist", "tracker": {}}
    with pytest.raises(ClientResponseError) as raised:
        asyncio.run(endpoint.request(json=call))
    assert raised.value.status == 404


def test_registered_actions_are_the_project_actions() -> None:
    names = set(InProcessActionEndpoint().executor.actions)
    assert {"action_session_start", "action_request_handoff"} <= names


def test_action_results_are_still_validated_after_tuning() -> None:
    rasa_tuning.apply()
    action = RemoteAction("action_x", InProcessActionEndpoint())
    assert action._validate_action_result({"events": [], "responses": []})
    with pytest.raises(ValidationError):
        action._validate_action_result({"events": [{"event": "slot", "name": 5}]})
