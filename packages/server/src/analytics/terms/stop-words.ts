/** Words too common to say what a comment is about (Russian and English function words). */
const RU = `а без более бы был была были было быть в вам вас весь во вот все всего всех вы где да даже для до его ее ей ему если есть еще же за
здесь и из или им их к как какая какой когда кто ли либо мне мной мы на над надо нам нас наш него нее ней нет ни них но ну о об
однако он она они оно от очень по под после при про раз с сам свой себе себя со так также такой там те тем то того тоже той только
том ты у уж уже хоть чего чем через что чтобы эта эти это этого этой этом этот эту я вообще всё ещё её либо мой моя мои ваш ваша
который которая которые которое чтоб будет буду будут была бывает может можно нужно`
const EN = `a about above after again all also am an and any are as at be been before being below between both but by can could did do
does doing down during each few for from further had has have having he her here hers him his how i if in into is it its itself just
me more most my no nor of off on once only or other our ours out over own same she should so some such than that the their theirs them
then there these they this those through to too under until up very was we were what when where which while who whom why will with
would you your yours`

export const STOP_WORDS: ReadonlySet<string> = new Set([...RU.split(/\s+/), ...EN.split(/\s+/)].filter(Boolean))
