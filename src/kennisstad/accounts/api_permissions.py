"""DRF permission class that asks ``accounts.access``; every API endpoint uses it by default."""

from rest_framework.permissions import SAFE_METHODS, BasePermission

from . import access


class RegistryAccess(BasePermission):
    """Reads are filtered by the viewset's queryset; writes ask ``access.can_create/can_change``."""

    def has_permission(self, request, view) -> bool:
        if request.method in SAFE_METHODS:
            if getattr(view, "public_read", False):
                return True
            may_read = getattr(view, "may_read", None)
            if may_read is not None:
                return may_read(request.user)
            return access.can_use_registry(request.user)
        if not request.user.is_authenticated:
            return False
        if getattr(view, "action", None) == "create":  # the API root view has no actions
            model = view.get_queryset().model
            return access.can_create(request.user, model._meta.label_lower)
        return access.can_use_registry(request.user)

    def has_object_permission(self, request, view, obj) -> bool:
        if request.method in SAFE_METHODS:
            return True
        if request.method == "DELETE":
            return access.can_delete(request.user, obj)
        return access.can_change(request.user, obj)
