// Word lists for the demo municipality. Ordered roughly by how common they are in Norway, because
// the generator picks with a bias towards the start of each list.

export const femaleGivenNames = [
  'Anne', 'Inger', 'Kari', 'Marit', 'Ingrid', 'Liv', 'Eva', 'Berit', 'Astrid', 'Bjørg',
  'Hilde', 'Anna', 'Solveig', 'Marianne', 'Randi', 'Ida', 'Nina', 'Maria', 'Elisabeth', 'Kristin',
  'Bente', 'Heidi', 'Silje', 'Hanne', 'Gerd', 'Linda', 'Tone', 'Tove', 'Elin', 'Anita',
  'Wenche', 'Camilla', 'Ragnhild', 'Ellen', 'Karin', 'Hege', 'Ann', 'Marte', 'Turid', 'Gunn',
  'Julie', 'Trine', 'Grete', 'Mona', 'Sissel', 'Ingeborg', 'Monica', 'Sara', 'Kirsten', 'Nora',
  'Emma', 'Thea', 'Mari', 'Laila', 'Unni', 'Synnøve', 'Lene', 'Siri', 'Stine', 'Emilie',
  'Cecilie', 'Torill', 'Helene', 'Aud', 'Jorunn', 'Line', 'Ane', 'Kristine', 'Marthe', 'Vigdis',
  'Reidun', 'Åse', 'Sigrid', 'Ingvild', 'Karoline', 'Hanna', 'Maren', 'Tonje', 'Guro', 'Mette',
  'Lise', 'Ragnhild', 'Oda', 'Frida', 'Live', 'Ingunn', 'Kjersti', 'Eli', 'Torunn', 'Britt',
  'Grethe', 'Gro', 'Janne', 'Lisbeth', 'Marie', 'Rita', 'Sølvi', 'Vibeke', 'Hedda', 'Tiril',
  'Amalie', 'Sofie', 'Vilde', 'Malin', 'Jenny', 'Aurora', 'Helga', 'Oddny', 'Ellinor', 'Dagny',
  'Birgitte', 'Annette', 'Therese', 'Susanne', 'Lena', 'Kine', 'Veronica', 'Mathilde', 'Andrea', 'Martine',
  'Henriette', 'Ronja', 'Tuva', 'Selma', 'Signe', 'Agnes', 'Eline', 'Idun', 'Lillian', 'Merete',
  'Nelly', 'Oline', 'Petra', 'Ruth', 'Svanhild', 'Tordis', 'Vår', 'Yvonne', 'Zara', 'Amira',
  'Fatima', 'Aisha', 'Agnieszka', 'Katarzyna', 'Olga', 'Elena', 'Leyla', 'Sunniva', 'Embla', 'Ylva',
  'Anne-Lise', 'Mari-Ann', 'Ann-Kristin', 'Eva-Marie', 'Tone-Lise',
];

export const maleGivenNames = [
  'Jan', 'Per', 'Bjørn', 'Ole', 'Lars', 'Kjell', 'Knut', 'Arne', 'Svein', 'Thomas',
  'Hans', 'Geir', 'Tor', 'Morten', 'Terje', 'Odd', 'Erik', 'Martin', 'Andreas', 'John',
  'Anders', 'Rune', 'Trond', 'Tore', 'Jon', 'Harald', 'Olav', 'Kristian', 'Rolf', 'Espen',
  'Stein', 'Gunnar', 'Daniel', 'Leif', 'Jørgen', 'Marius', 'Magnus', 'Egil', 'Fredrik', 'Kjetil',
  'Øyvind', 'Helge', 'Nils', 'Henrik', 'Christian', 'Kristoffer', 'Jonas', 'Einar', 'Eirik', 'Tommy',
  'Steinar', 'Sigurd', 'Frode', 'Roar', 'Håkon', 'Atle', 'Pål', 'Dag', 'Vidar', 'Ivar',
  'Jostein', 'Sindre', 'Mathias', 'Alexander', 'Sander', 'Even', 'Emil', 'Tobias', 'Mats', 'Sebastian',
  'Aksel', 'Filip', 'Jakob', 'William', 'Oskar', 'Isak', 'Johannes', 'Lukas', 'Elias', 'Henning',
  'Ketil', 'Kåre', 'Roger', 'Ronny', 'Rasmus', 'Sverre', 'Sigmund', 'Torbjørn', 'Torstein', 'Vegard',
  'Audun', 'Bård', 'Endre', 'Finn', 'Gaute', 'Gisle', 'Halvor', 'Ingar', 'Jens', 'Karl',
  'Lasse', 'Mikkel', 'Ola', 'Petter', 'Runar', 'Simen', 'Stian', 'Sturla', 'Tarjei', 'Thor',
  'Ulrik', 'Vebjørn', 'Yngve', 'Asbjørn', 'Bjarne', 'Eivind', 'Gard', 'Haakon', 'Inge', 'Joakim',
  'Kenneth', 'Leon', 'Njål', 'Ottar', 'Reidar', 'Snorre', 'Trygve', 'Villy', 'Åsmund', 'Øystein',
  'Ahmed', 'Mohammed', 'Ali', 'Omar', 'Piotr', 'Tomasz', 'Jonas', 'Mikael', 'Adrian', 'Benjamin',
  'Jan-Erik', 'Per-Olav', 'Tor-Arne', 'Hans-Petter', 'Knut-Erik',
];

export const familyNames = [
  'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Karlsen',
  'Johnsen', 'Pettersen', 'Eriksen', 'Berg', 'Haugen', 'Hagen', 'Johannessen', 'Andreassen', 'Jacobsen', 'Dahl',
  'Jørgensen', 'Halvorsen', 'Henriksen', 'Lund', 'Sørensen', 'Jakobsen', 'Moen', 'Gundersen', 'Iversen', 'Strand',
  'Solberg', 'Svendsen', 'Eide', 'Knutsen', 'Martinsen', 'Paulsen', 'Bakken', 'Kristoffersen', 'Mathisen', 'Lie',
  'Amundsen', 'Nguyen', 'Rasmussen', 'Ali', 'Lunde', 'Solheim', 'Berge', 'Moe', 'Nygård', 'Bakke',
  'Kristensen', 'Fredriksen', 'Holm', 'Lien', 'Hauge', 'Christensen', 'Andresen', 'Nielsen', 'Knudsen', 'Evensen',
  'Sæther', 'Aas', 'Myhre', 'Hanssen', 'Ahmed', 'Haugland', 'Thomassen', 'Sivertsen', 'Simonsen', 'Danielsen',
  'Berntsen', 'Sandvik', 'Rønning', 'Arnesen', 'Antonsen', 'Næss', 'Vik', 'Haug', 'Ellingsen', 'Thorsen',
  'Edvardsen', 'Birkeland', 'Isaksen', 'Gulbrandsen', 'Ruud', 'Aasen', 'Strøm', 'Myklebust', 'Tangen', 'Ødegård',
  'Eliassen', 'Helland', 'Bøe', 'Jenssen', 'Aune', 'Mikkelsen', 'Tveit', 'Brekke', 'Abrahamsen', 'Madsen',
  'Mohammed', 'Kvale', 'Fjeld', 'Engen', 'Nordby', 'Sletten', 'Hovland', 'Ås', 'Tollefsen', 'Dale',
  'Tveiten', 'Foss', 'Bjerke', 'Lorentzen', 'Kvam', 'Nyberg', 'Wold', 'Hovde', 'Brun', 'Torgersen',
  'Rød', 'Opsahl', 'Vik', 'Gjerde', 'Sunde', 'Tønnessen', 'Heggelund', 'Skaug', 'Kleven', 'Vold',
  'Ulriksen', 'Steen', 'Teigen', 'Nygaard', 'Grønlund', 'Aasheim', 'Bakkevik', 'Bjørnstad', 'Dahle', 'Drange',
  'Egeland', 'Espeland', 'Fosse', 'Gjesdal', 'Grude', 'Hetland', 'Håland', 'Jåtun', 'Kleppe', 'Lende',
  'Mæland', 'Nærland', 'Oftedal', 'Oma', 'Pollestad', 'Rettedal', 'Salte', 'Skretting', 'Sola', 'Stokka',
  'Svela', 'Tjelta', 'Tvedt', 'Ueland', 'Vatne', 'Varhaug', 'Aarsland', 'Austbø', 'Bø', 'Ege',
  'Fuglestad', 'Gabrielsen', 'Hadland', 'Holen', 'Idsøe', 'Jonassen', 'Kalvik', 'Lima', 'Mong', 'Nesvik',
  'Osmundsen', 'Pedersen', 'Ravndal', 'Skjæveland', 'Sirevåg', 'Thu', 'Torland', 'Undheim', 'Vigre', 'Zahl',
  'Bjørheim', 'Eikeland', 'Fjelde', 'Grødem', 'Hognestad', 'Kverneland', 'Lea', 'Malmin', 'Njå', 'Refsland',
  'Serigstad', 'Tjøstheim', 'Vestly', 'Årsvoll', 'Øvrebø', 'Åsland', 'Økland', 'Bråtveit', 'Dybing', 'Eriksson',
  'Kowalski', 'Nowak', 'Wiśniewska', 'Hussain', 'Khan', 'Tran', 'Pham', 'Yilmaz', 'Haile', 'Abdi',
  'Hussein', 'Mahmoud', 'Karimi', 'Santos', 'Silva', 'Petrović', 'Jovanović', 'Lindqvist', 'Virtanen', 'Jensen',
  'Aarrestad', 'Bergersen', 'Borge', 'Dalen', 'Eggen', 'Flaten', 'Gravdal', 'Hegre', 'Hoff', 'Hegland',
  'Instanes', 'Kolstad', 'Lerstad', 'Midtbø', 'Nyhus', 'Olsson', 'Ramberg', 'Rustad', 'Sandberg', 'Sveen',
  'Tangstad', 'Ulvestad', 'Vollan', 'Westby', 'Aarseth', 'Bergheim', 'Dalheim', 'Engebretsen', 'Fagerli', 'Granli',
  'Haraldsen', 'Hatlestad', 'Jensvold', 'Klepp', 'Langeland', 'Midtgard', 'Nordahl', 'Ottesen', 'Reinertsen', 'Seland',
];

/**
 * Place names that schools, kindergartens and nursing homes are named after. With more units than
 * names the generator adds a direction ("Nordre Vik skole"), as real places do.
 */
export const placeNames = [
  'Vik', 'Haugen', 'Sandnes', 'Lia', 'Bakken', 'Solheim', 'Berget', 'Dalen', 'Nesset', 'Furuly',
  'Bjørkelund', 'Eikeli', 'Granly', 'Heia', 'Holmen', 'Kleivane', 'Lunde', 'Moen', 'Myra', 'Nordli',
  'Osli', 'Ringstad', 'Skogly', 'Solbakken', 'Stranda', 'Sunde', 'Teigen', 'Tveit', 'Vestbø', 'Østbø',
  'Ålgård', 'Oltedal', 'Dirdal', 'Frafjord', 'Kongeparken', 'Bærland', 'Figgjo', 'Gjesdalbuen', 'Hommeland', 'Kvål',
  'Limavatnet', 'Møllehagen', 'Prestehaugen', 'Rettedal', 'Skurve', 'Tingsted', 'Ulvik', 'Varden', 'Åsen',
  'Bergsmyr', 'Dalsbotn', 'Engelia', 'Fjellhaug', 'Gamlegården', 'Hagaløkka', 'Haugtun', 'Kirkebakken', 'Lyngheia', 'Nyland',
  'Rosenlund', 'Rundhaug', 'Sjøbakken', 'Skarpeneset', 'Steinsland', 'Storåsen', 'Tjernet', 'Vestly', 'Vinterbro', 'Åkrene',
  'Bråten', 'Brattli', 'Elvebakken', 'Fossen', 'Grønlia', 'Hegre', 'Knausen', 'Lindeberg', 'Marka', 'Nedstrand',
  'Opsal', 'Rud', 'Sagbakken', 'Skjold', 'Smeaheia', 'Solstrand', 'Torvet', 'Tunet', 'Veien', 'Øyra',
];

export const placePrefixes = ['Nordre', 'Søndre', 'Vestre', 'Østre', 'Øvre', 'Nedre', 'Indre', 'Ytre', 'Store', 'Lille'];
