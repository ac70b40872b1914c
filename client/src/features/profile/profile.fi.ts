/** Profile page (issue 12, people and accounts): Finnish, the reference catalogue. */
export const profileFi = {
  'profile.title': 'Oma profiili',
  'profile.passwordTitle': 'Vaihda salasana',
  'profile.currentPassword': 'Nykyinen salasana',
  'profile.newPassword': 'Uusi salasana',
  'profile.newPasswordHint':
    'Vähintään 12 merkkiä. Yleisimpiä salasanoja, niiden muunnelmia, merkkisarjoja (kuten 123456789012 tai qwertyuiop), omaa nimeäsi tai sähköpostiosoitettasi ei hyväksytä.',
  'profile.change': 'Vaihda salasana',
  'profile.changing': 'Salasanaa vaihdetaan',
  'profile.changed': 'Salasana vaihdettu. Muut istuntosi päätettiin.',
  'profile.wrongPassword': 'Nykyinen salasana on väärä.',
  'profile.tooShort': 'Salasanassa on oltava vähintään {min} merkkiä.',
  'profile.tooCommon': 'Salasana on liian yleinen. Valitse toinen.',
  'profile.commonVariant':
    'Salasana on yleinen salasana, jonka alkuun tai loppuun on lisätty numeroita tai merkkejä. Valitse toinen.',
  'profile.pattern':
    'Salasana on helppo arvata: samaa merkkiä toistettuna, peräkkäisiä merkkejä tai näppäimistön rivi. Valitse toinen.',
  'profile.personal': 'Salasana koostuu sähköpostiosoitteestasi, nimestäsi tai palvelun nimestä. Valitse toinen.',
  'profile.sessionsTitle': 'Istunnot',
  'profile.sessionCreated': 'Kirjautunut {time}',
  'profile.sessionExpires': 'voimassa {time} asti',
  'profile.thisSession': 'Tämä istunto',
  'profile.endSession': 'Päätä istunto',
  'profile.sessionEnded': 'Istunto päätetty.',
} as const;
