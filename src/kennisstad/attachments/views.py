"""Pages for files: add one to a record, see one with its versions, upload a new version, edit,
delete, and download (streamed through Kennisstad after the access check, never linked to)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import generic
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.generic.detail import SingleObjectMixin

from kennisstad.accounts import access
from kennisstad.core import views as core_views
from kennisstad.core.concurrency import StaleVersionError
from kennisstad.core.history import recent_changes
from kennisstad.core.permissions import may_use_registry
from kennisstad.core.text_input import whole_number

from . import limits, selectors, services
from .forms import AttachmentForm, NewAttachmentForm, NewVersionForm
from .kinds import KINDS
from .models import Attachment, AttachmentVersion
from .storage import max_upload_bytes, open_bytes


def record_url(attachment: Attachment) -> str:
    return reverse(KINDS[attachment.kind_field].detail_url, args=[attachment.record.pk])


def may_download(user: Any, attachment: Attachment) -> bool:
    """Whoever sees the file; a file with personal data only the team: not readers, who read the
    registry without contacts' personal data, nor partners, for whom the team keeps it (a list
    of participants on a delegation they see is still not theirs to fetch)."""
    if attachment.holds_personal_data:
        return access.is_team(user)
    return True


class UploadFormMixin:
    """An oversized upload gets the form back with a clear error, status 413: refused unread
    when the request announces its size, stopped at the limit otherwise (``limits``). The view
    is CSRF-exempt for Django's middleware (which would read the body first) and does the same
    check itself once the size limit is in place."""

    def post(self, request, *args, **kwargs):
        if limits.announced_too_large(request):
            return self.too_large()
        limits.install(request)
        return csrf_protect(self.checked_post)(request, *args, **kwargs)

    def checked_post(self, request, *args, **kwargs):
        request.POST  # noqa: B018  (read the body now: a stopped upload shows as such)
        if name := limits.stopped(request):
            return self.too_large(name)
        return super().post(request, *args, **kwargs)  # type: ignore[misc]

    def too_large(self, name: str = ""):
        limit = max_upload_bytes() // (1024 * 1024)
        if name:
            message = _("%(name)s is larger than %(limit)s MB.") % {"name": name, "limit": limit}
        else:
            message = _("The file is larger than %(limit)s MB.") % {"limit": limit}
        self.object = getattr(self, "object", None)
        context = self.get_context_data(form=self.get_form_class()(), too_large=message)
        return render(self.request, self.template_name, context, status=413)

    def form_valid(self, form):
        try:
            with transaction.atomic():
                target = self.save(form)
        except DjangoValidationError as exc:
            form.add_error("file" if "file" in form.fields else None, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Saved."))
        return HttpResponseRedirect(reverse("attachments:attachment-detail", args=[target.pk]))


@method_decorator(csrf_exempt, name="dispatch")
class AttachmentCreateView(core_views.RegistryViewMixin, UploadFormMixin, generic.FormView):
    """``/files/<kind>/<pk>/new/``; one URL per kind (``urls``), ``model`` the record's."""

    form_class = NewAttachmentForm
    template_name = "attachments/attachment_form.html"
    kind_field = ""
    model: Any = None

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.record = selectors.visible_record(self.kind_field, kwargs["pk"], user=request.user)
            if self.record is None:
                raise Http404
            if not services.may_change_files_of(self.record, request.user):
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "team": access.is_team(self.request.user)}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form_heading"] = _("Add a file to %(record)s") % {"record": self.record}
        context["cancel_url"] = reverse(KINDS[self.kind_field].detail_url, args=[self.record.pk])
        return context

    def save(self, form) -> Attachment:
        upload = form.cleaned_data["file"]
        return services.add_attachment(
            record=self.record,
            user=self.request.user,
            upload=upload,
            name=upload.name,
            **form.changed_fields(),
        )


class AttachmentMixin(core_views.RegistryViewMixin, SingleObjectMixin):
    """A file the user may see (404 otherwise); for changes also one whose record the user may
    change (403 otherwise)."""

    model = Attachment
    needs_change = True

    def get_queryset(self):
        return selectors.with_versions(selectors.visible_attachments(self.request.user))

    def get_object(self, queryset=None):
        attachment = SingleObjectMixin.get_object(self, queryset)
        if self.needs_change and not services.may_change_attachment(attachment, self.request.user):
            raise PermissionDenied
        return attachment


class AttachmentDetailView(AttachmentMixin, generic.DetailView):
    needs_change = False

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, attachment = self.request.user, self.object
        context["record_url"] = record_url(attachment)
        context["kind_label"] = KINDS[attachment.kind_field].label
        context["can_change"] = services.may_change_attachment(attachment, user)
        context["show_sharing"] = access.is_team_or_reader(user)
        context["may_delete_versions"] = access.is_team(user)
        context["may_download"] = may_download(user, attachment)
        if attachment.holds_personal_data and access.can_see_personal_data_log(user):
            context["downloads"] = selectors.downloads_of(attachment)[:50]
        if access.can_see_history(user):
            context["history"] = recent_changes(attachment)
        return context


class AttachmentUpdateView(AttachmentMixin, core_views.ServiceFormMixin, generic.UpdateView):
    form_class = AttachmentForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "team": access.is_team(self.request.user)}

    def save(self, form):
        return services.update_attachment(
            attachment=form.instance,
            user=self.request.user,
            expected_version=form.cleaned_data.get("version"),
            **form.changed_fields(),
        )

    def get_success_url(self):
        return reverse("attachments:attachment-detail", args=[self.object.pk])


class AttachmentDeleteView(AttachmentMixin, core_views.RegistryDeleteView):
    delete_function = staticmethod(services.delete_attachment)

    def get_object(self, queryset=None):
        return AttachmentMixin.get_object(self, queryset)

    def get_success_url(self):
        return self._record_url

    def form_valid(self, form):
        self._record_url = record_url(self.object)
        return super().form_valid(form)


@method_decorator(csrf_exempt, name="dispatch")
class VersionCreateView(AttachmentMixin, UploadFormMixin, generic.FormView):
    form_class = NewVersionForm
    template_name = "attachments/attachment_form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and may_use_registry(request.user):
            self.object = self.get_object()
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form_heading"] = _("New version of %(name)s") % {"name": self.object}
        context["cancel_url"] = reverse("attachments:attachment-detail", args=[self.object.pk])
        return context

    def save(self, form) -> Attachment:
        upload = form.cleaned_data["file"]
        services.add_version(
            attachment=self.object, user=self.request.user, upload=upload, name=upload.name
        )
        return self.object


class VersionDeleteView(core_views.RegistryViewMixin, generic.DeleteView):
    """``/files/versions/<pk>/delete/``: one older version, by the team, after confirming."""

    model = AttachmentVersion
    template_name = "attachments/version_confirm_delete.html"

    def get_queryset(self):
        visible = selectors.visible_attachments(self.request.user)
        return AttachmentVersion.objects.filter(attachment__in=visible).select_related("attachment")

    def get_object(self, queryset=None):
        version = super().get_object(queryset)
        if version.number >= max(v.number for v in version.attachment.versions.all()):
            raise Http404  # the current version goes with the file
        if not access.is_team(self.request.user):
            raise PermissionDenied
        return version

    def form_valid(self, form):
        detail = reverse("attachments:attachment-detail", args=[self.object.attachment_id])
        expected = whole_number(self.request.POST.get("version"))
        if expected is None:
            messages.error(self.request, _("The form is missing its version; reload the page."))
            return HttpResponseRedirect(self.request.path)
        try:
            services.delete_version(
                version=self.object, user=self.request.user, expected_version=expected
            )
        except (StaleVersionError, DjangoValidationError) as exc:
            messages.error(self.request, " ".join(getattr(exc, "messages", [str(exc)])))
            return HttpResponseRedirect(detail)
        messages.success(self.request, _("Deleted."))
        return HttpResponseRedirect(detail)


class DownloadView(AttachmentMixin, generic.View):
    """``/files/<pk>/download/`` the current version, ``.../download/<number>/`` an older one."""

    needs_change = False

    def get(self, request, pk: int, number: int | None = None):
        attachment = self.get_object(self.get_queryset())
        versions = AttachmentVersion.objects.filter(attachment=attachment)
        version = (
            versions.order_by("-number").first()
            if number is None
            else get_object_or_404(versions, number=number)
        )
        if version is None:
            raise Http404
        if not may_download(request.user, attachment):
            raise PermissionDenied
        services.record_download(version=version, user=request.user, via="page")
        return file_response(version)


def file_response(version: AttachmentVersion) -> FileResponse:
    """The stored bytes as a download: its checked content type, the original name (RFC 5987
    for names beyond ASCII), and no sniffing by the browser."""
    response = FileResponse(
        open_bytes(version.storage_key),
        as_attachment=True,
        filename=version.original_name,
        content_type=version.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


class DownloadLogView(core_views.RegistryViewMixin, generic.ListView):
    """Every download of a file holding personal data (who, when, which file and version),
    newest first; ``?file=<number>`` for one file. The team, as the personal-data log."""

    may_open = access.can_see_personal_data_log
    template_name = "attachments/download_log.html"
    paginate_by = 50

    def get_queryset(self):
        entries = selectors.personal_data_downloads()
        self.file_number = whole_number(self.request.GET.get("file"))
        if self.file_number is not None:
            entries = entries.filter(attachment_id_logged=self.file_number)
        return entries

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["file_number"] = self.file_number
        query = self.request.GET.copy()
        query.pop("page", None)
        context["query_without_page"] = query.urlencode()
        return context
