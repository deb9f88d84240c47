import logging
import os

from clarifai.client.user import User

logger = logging.getLogger(__name__)
pat = os.environ["CLARIFAI_PAT"]
logger.info("starting with pat=%s", pat)
apps = User(user_id="me", pat=pat).list_apps()
