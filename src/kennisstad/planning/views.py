"""Planning & control pages: documents, a chapter as the budget shows it, downloads, import and
publishing."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views import generic

from kennisstad.accounts import access
from kennisstad.core import views as core_views
from kennisstad.core.concurrency import StaleVersionError
from kennisstad.core.contributions import page_sections
from kennisstad.core.imports import ImportRefused
from kennisstad.core.text_input import whole_number
from kennisstad.policy.models import Document

from . import selectors
from .document_import import import_document
from .document_reading import read_file
from .exports import CONTENT_TYPES, FORMATS
from .exports import render as render_export
from .finance_tables import finance_overview
from .finance_views import chapter_finance
from .forms import ActionForm, DocumentForm, ImportChapterForm, SectionForm
from .models import Action, Chapter, Section
from .pages import CHAPTER_SECTIONS
from .services import (
    create_document,
    publish_document,
    save_action,
    save_section,
)
from .shown_tables import chapter_note


class DocumentListView(core_views.RegistryViewMixin, generic.ListView):
    model = Document
    may_open = access.is_team_or_reader
    template_name = "planning/document_list.html"

    def get_queryset(self):
        return selectors.document_list()

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "can_import": access.is_team(self.request.user),
        }


class ChapterDetailView(core_views.RegistryViewMixin, generic.DetailView):
    model = Chapter
    may_open = access.is_team_or_reader
    template_name = "planning/chapter_detail.html"

    def get_object(self, queryset=None):
        try:
            return selectors.chapter_with_content(self.kwargs["pk"])
        except Chapter.DoesNotExist as exc:
            raise Http404 from exc

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        chapter = self.object
        table = selectors.chapter_table(chapter)
        printed = selectors.printed_tables(chapter)
        context["table"] = table
        context["printed_tables"] = printed  # an imported chapter shows these, as printed
        context["indicator_note"] = (
            chapter_note(chapter, printed) if printed else chapter.indicator_note
        )
        context["changed_since"] = table.changed_since and not printed
        context["formats"] = FORMATS
        context["can_run_cycle"] = access.is_team(self.request.user)
        context["can_link_projects"] = access.is_team(self.request.user)
        context["can_edit_text"] = access.is_team(self.request.user) and (chapter.document.is_draft)
        context.update(chapter_finance(chapter, can_explain=access.is_team(self.request.user)))
        context["sections"] = page_sections(CHAPTER_SECTIONS, chapter, user=self.request.user)
        return context


def _download(chapters, fmt: str, name: str, overview=None) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    content = render_export(chapters, fmt, overview=overview)
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


class ChapterExportView(core_views.RegistryViewMixin, generic.View):
    may_open = access.is_team_or_reader

    def get(self, request, pk, fmt):
        chapter = get_object_or_404(selectors.chapters_with_content(), pk=pk)
        name = slugify(f"{chapter.document} {chapter.policy_area.code}")
        return _download([chapter], fmt, name)


class DocumentExportView(core_views.RegistryViewMixin, generic.View):
    may_open = access.is_team_or_reader

    def get(self, request, pk, fmt):
        document = get_object_or_404(Document, pk=pk)
        chapters = selectors.chapters_with_content(document.chapters.order_by("policy_area__code"))
        overview = finance_overview(document)  # the whole document: lasten, baten per taakveld
        return _download(list(chapters), fmt, slugify(str(document)), overview)


class ImportChapterView(core_views.RegistryViewMixin, generic.FormView):
    """Upload a published document or chapter: dry run first, then import; a refusal names
    the line. The import records what the document prints and adopts nothing."""

    may_open = access.is_team
    form_class = ImportChapterForm
    template_name = "planning/import.html"

    def form_valid(self, form):
        data, name = form.cleaned_data["file"]
        try:
            printed = read_file(
                data,
                name,
                kind=form.cleaned_data["kind"] or None,
                year=form.cleaned_data["year"],
                accept_unreadable=form.cleaned_data["accept_unreadable"],
                per_chapter=not form.cleaned_data["atomic"],
            )
            report = import_document(
                printed=printed,
                user=self.request.user,
                dry_run=form.cleaned_data["dry_run"],
                atomic=form.cleaned_data["atomic"],
                published_on=form.cleaned_data["published_on"],
                measured_on=form.cleaned_data["peildatum"],
            )
        except ImportRefused as refused:
            form.add_error("file", _("Nothing was imported. Correct the file and try again."))
            return self.render_to_response(self.get_context_data(form=form, refused=refused))
        if not report.dry_run and report.refusals:
            messages.warning(
                self.request,
                _("The readable chapters were imported; the refused ones are listed below."),
            )
        elif not report.dry_run:
            messages.success(self.request, _("The document was imported."))
        return self.render_to_response(self.get_context_data(form=form, report=report))


class DocumentCreateView(core_views.RegistryViewMixin, generic.FormView):
    may_open = access.is_team
    form_class = DocumentForm
    template_name = "core/form.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "form_heading": _("New document")}

    def form_valid(self, form):
        document = create_document(
            kind=form.cleaned_data["kind"],
            year=form.cleaned_data["year"],
            sequence=form.cleaned_data["sequence"],
            user=self.request.user,
            copy_from=form.cleaned_data["copy_from"],
        )
        messages.success(
            self.request, _("%(document)s was created as a draft.") % {"document": document}
        )
        chapter = document.chapters.order_by("policy_area__code").first()
        if chapter is not None:
            return redirect("planning:chapter-detail", pk=chapter.pk)
        return redirect("planning:document-list")


class ActionUpdateView(core_views.RegistryUpdateView):
    """Link an action of "Wat gaan we hiervoor doen?" to the projects that carry it out."""

    model = Action
    form_class = ActionForm
    may_open = access.is_team

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if not self.object.chapter.document.is_draft:
            # The offered or adopted text stands; only the projects that carry it out can be linked.
            for name in ("text_nl", "text_en"):
                form.fields[name].disabled = True
        return form

    def save(self, form):
        return save_action(
            action=form.instance,
            user=self.request.user,
            expected_version=form.expected_version,
            projects=form.cleaned_data.get("projects"),
        )

    def get_success_url(self):
        return reverse("planning:chapter-detail", args=[self.object.chapter_id])

    def get_cancel_url(self) -> str:
        return self.get_success_url()  # an action has no page of its own: back to its chapter


class SectionUpdateView(core_views.RegistryUpdateView):
    """Write the chapter's text (Dutch and English) while the document is a draft."""

    model = Section
    form_class = SectionForm
    may_open = access.is_team

    def get_object(self, queryset=None):
        section = super().get_object(queryset)
        if not section.chapter.document.is_draft:
            raise PermissionDenied(_("The text of an offered or adopted document does not change."))
        return section

    def save(self, form):
        return save_section(
            section=form.instance, user=self.request.user, expected_version=form.expected_version
        )

    def get_success_url(self):
        return reverse("planning:chapter-detail", args=[self.object.chapter_id])

    def get_cancel_url(self) -> str:
        return self.get_success_url()  # a section has no page of its own: back to its chapter


class PublishDocumentView(core_views.RegistryViewMixin, generic.View):
    may_open = access.is_team
    http_method_names = ["post"]

    def post(self, request, pk):
        if not access.is_team(request.user):
            raise PermissionDenied
        document = get_object_or_404(Document, pk=pk)
        version = request.POST.get("version")
        try:
            publish_document(
                document=document,
                user=request.user,
                expected_version=whole_number(version),
            )
        except StaleVersionError as exc:
            messages.error(request, exc.message)
        except DjangoValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                _("%(document)s is published.") % {"document": document},
            )
        target = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
            target = "planning:document-list"
        return redirect(target or "planning:document-list")
