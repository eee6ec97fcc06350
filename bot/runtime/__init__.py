"""The Rasa dialogue runtime: how a turn is run. The engine that loads the trained model
and answers (`engine`), one bounded turn for any channel (`chat_service`), the app
context set around each turn (`context`), custom actions called in-process
(`action_endpoint`), the conversation stores (`stores`, `tracker_store`, `lock_store`),
the response generator (`nlg`), the one patch to Rasa's hot path (`rasa_tuning`),
fingerprinted training and held-out NLU scoring (`training`, `evaluation`), and several
app processes behind HAProxy (`cluster`).

It may import guidance, the NLU, the directory, the channel adapters, the vocabulary,
the content catalogue and the infrastructure. It never imports bot.sms or bot.staff,
which run turns through it; guidance, the NLU, the directory and the channel adapters
never import it.
"""
