/** "Body: title", unless the title already names the body ("Kuntakokous 1/2026" stays as it is). */
export function minutesHeading(bodyName: string, title: string): string {
  return title.toLocaleLowerCase('fi').startsWith(bodyName.toLocaleLowerCase('fi')) ? title : `${bodyName}: ${title}`;
}
