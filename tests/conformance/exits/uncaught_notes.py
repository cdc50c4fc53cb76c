# Notes added to an uncaught exception are printed after the message.
def validate(user):
    try:
        if "@" not in user["email"]:
            raise ValueError("invalid email")
    except ValueError as e:
        e.add_note(f"user id: {user['id']}")
        e.add_note("check the signup form")
        raise
validate({"id": 1, "email": "a@b.c"})
print("first user ok")
validate({"id": 2, "email": "nope"})
