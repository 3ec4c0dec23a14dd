// Month and week views of the international calendar (FullCalendar). The events come from
// /agenda/events.json with the same filters as the list view, in the interface language.
document.addEventListener("DOMContentLoaded", () => {
  const element = document.getElementById("calendar");
  if (!element || !window.FullCalendar) {
    return;
  }
  const query = element.dataset.query;
  const narrow = window.matchMedia("(max-width: 40em)").matches;
  // FullCalendar names each month-view day cell after its day number alone (aria-labelledby),
  // which hides the events in it from that name (WCAG 2.5.3 Label in Name): let the cell be named
  // by all it shows, the day number first.
  const nameCellsByContent = () => {
    element.querySelectorAll("td[aria-labelledby]").forEach((cell) => cell.removeAttribute("aria-labelledby"));
  };
  const calendar = new FullCalendar.Calendar(element, {
    // On a phone-sized screen the month's seven columns are too narrow to read: show its list.
    initialView: narrow && (element.dataset.initialView || "dayGridMonth") === "dayGridMonth" ? "listMonth" : element.dataset.initialView || "dayGridMonth",
    locale: element.dataset.locale === "nl" ? "nl" : "en-gb",
    timeZone: element.dataset.timezone || "local",
    firstDay: 1,
    height: "auto",
    nowIndicator: true,
    headerToolbar: { left: "prev,next today", center: "title", right: "dayGridMonth,timeGridWeek,listMonth" },
    // Text on the previous/next buttons instead of icon-font glyphs, which FullCalendar marks
    // role="img" without a text alternative (axe: role-img-alt).
    buttonIcons: false,
    buttonText: { prev: element.dataset.prevLabel, next: element.dataset.nextLabel },
    dayCellDidMount: (arg) => arg.el.removeAttribute("aria-labelledby"),
    eventsSet: () => window.requestAnimationFrame(nameCellsByContent),
    datesSet: () => window.requestAnimationFrame(nameCellsByContent),
    windowResize: () => window.requestAnimationFrame(nameCellsByContent),
    events: {
      url: element.dataset.eventsUrl + (query ? "?" + query : ""),
      failure: () => {
        element.insertAdjacentHTML("beforebegin", '<div class="utrecht-alert utrecht-alert--error" role="alert"><p class="utrecht-paragraph">' + (element.dataset.locale === "nl" ? "De activiteiten konden niet worden geladen." : "The activities could not be loaded.") + "</p></div>");
      },
    },
  });
  calendar.render();
});
