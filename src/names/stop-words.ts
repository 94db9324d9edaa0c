/**
 * Words around a place name in free text ("was held in", "утримувався у", "содержался в")
 * that say nothing about which place is meant.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  // English
  ...'the a an of in at on near for to from and or with by into onto was were is are be been being held kept detained imprisoned jailed transferred moved taken sent located where which who that this these those there then also later after before during since until about ukrainian ukrainians pow pows prisoner prisoners captive captives civilian civilians soldier soldiers serviceman servicemen people he she they them his her their we our my i it its as so had has have known called named according released freed survivors survivor said says told reported testimony testimonies witnesses words'.split(
    ' ',
  ),
  // Ukrainian
  ...'в у на до з із зі від по біля під та і й а але що де який яка яке які був була було були перебував перебувала перебували утримувався утримувалася утримувались утримували тримали полонений полонена полонені полонених військовополонений військовополонені військовополонених українці українців українських український українська цивільні цивільних його її їх він вона вони ми там потім після так званий так звана звана званий відомий відома згідно словами звільнені звільнених звільнений розповідали розповідав кажуть за'.split(
    ' ',
  ),
  // Russian
  ...'во из с со к около и но где который которая которое которые был было были находился находилась находились содержался содержалась содержались содержали держали пленный пленная пленные пленных военнопленный военнопленные военнопленных украинцы украинцев украинских украинский гражданские гражданских он она они мы там потом после так называемый так называемая называемый известный известная словам слов освобожденные освобожденных освобожденный рассказывали рассказывал говорят по'.split(
    ' ',
  ),
]);
