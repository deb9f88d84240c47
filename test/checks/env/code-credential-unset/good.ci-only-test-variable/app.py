from clarifai.client.user import User

print(User(user_id="me").list_apps())
