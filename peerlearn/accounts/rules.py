"""Who may invite whom."""

from __future__ import annotations

import rules

from peerlearn.directory.rules import (
    coordinates_association,
    coordinates_local_government,
    has_a_role,
    is_admin,
    is_focal_point_of,
)

# The object is the local government the new member or focal point joins.
rules.add_perm(
    "accounts.invite_member", is_admin | is_focal_point_of | coordinates_local_government
)
rules.add_perm("accounts.invite_focal_point", is_admin | coordinates_local_government)
# The object is the association the new coordinator will coordinate.
rules.add_perm("accounts.invite_coordinator", is_admin | coordinates_association)
# Without an object: may this user open the invitation pages at all?
rules.add_perm("accounts.send_invitations", has_a_role)
