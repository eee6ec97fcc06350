"""Guidance: what to say, from the text and the slots alone. The journey's parts and
pages (`journey`), "my plan" (`plan`), a medical question turned into one for the care
team (`advice`), the patient's profile and the facts a message states (`profile`,
`facts`), the answer to a message and the topic catalogue (`answers`, `topics`), the
safety tiers (`safety`, with the patterns in `safety_en` and `safety_es` and the learned
net in `safety_model`, trained on examples `nlu_files` reads), which language a message
is in (`language`), the help line in that language (`help_line`), Reply and Button
(`replies`), and the rows staff find a request for a person by (`conversations`).

It may import the NLU's question splitter and topic output (bot.nlp.segments,
bot.nlp.topics_output), the directory's place parsing, the vocabulary, the content
catalogue and the infrastructure; never the dialogue runtime, channels, SMS or staff.
Below it, the NLU imports only the text functions of `facts`, `language` and `safety`,
and the directory only `replies`.
"""
