"""Infrastructure: what every other layer stands on, with no knowledge of the dialogue,
its texts or its channels: where the project's files are (`paths`), the settings
(`config`), time as stored (`clock`), the application database (`db`, the tables' base
in `models`, the Alembic history in `migrations/` and its runner `migrate`), logging
(`logging_setup`), process hygiene (`process`), and the handling of the scikit-learn
linear models that the NLU and the safety net share (`linear_models`).

It imports nothing else from bot/, so every other part of bot/ may import it (the NLU
components all but the database).
"""
