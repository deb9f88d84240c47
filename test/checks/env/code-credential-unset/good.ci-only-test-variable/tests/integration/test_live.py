import os

import pytest
from clarifai.client.user import User


@pytest.mark.skipif("CLARIFAI_PAT_CI" not in os.environ, reason="CI only")
def test_list_apps():
    assert User(user_id="me", pat=os.environ["CLARIFAI_PAT_CI"]).list_apps()
