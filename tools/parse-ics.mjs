// Parse an iCalendar file with Mozilla's ical.js (what Thunderbird uses) and print its events
// as JSON, so the Python tests can check that another implementation reads our feeds.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const text = readFileSync(process.argv[2], "utf8");
const calendar = new ICAL.Component(ICAL.parse(text));
const events = calendar.getAllSubcomponents("vevent").map((component) => {
  const event = new ICAL.Event(component);
  return {
    uid: event.uid,
    summary: event.summary,
    start: event.startDate.toString(),
    timezone: event.startDate.timezone,
    allDay: event.startDate.isDate,
    status: component.getFirstPropertyValue("status"),
    recurring: event.isRecurring(),
  };
});
const zones = calendar.getAllSubcomponents("vtimezone").map((zone) => zone.getFirstPropertyValue("tzid"));
process.stdout.write(JSON.stringify({ events, zones }));
