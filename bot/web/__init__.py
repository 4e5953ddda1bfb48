"""The staff dashboard: a small server-rendered Starlette application (see :mod:`bot.web.app`)."""
