import os

from dotenv import load_dotenv

load_dotenv()

VISION_TOKEN = os.getenv("VISION_TOKEN", "")
USER_ID = "clarifai"
APP_ID = "main"
