"""Need a trained model: the Rasa model (client, engine, model fixtures) or the safety net."""
