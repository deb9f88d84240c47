import os

VISION_TOKEN = os.getenv("VISION_TOKEN", "")
USER_ID = "clarifai"
APP_ID = "main"
