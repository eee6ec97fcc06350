"""One router per channel or concern; each stays thin and calls services in `bot`."""
