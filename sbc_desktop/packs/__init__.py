"""Signed content packs for a fleet of screens, through The Update Framework (python-tuf).

`keys` makes the signing keys, `repository` publishes packs into a plain folder that any
static web server, network share or USB stick can serve, and `client` fetches, verifies,
unpacks and switches to a pack, keeping the one before for a rollback. No Qt here.
"""
